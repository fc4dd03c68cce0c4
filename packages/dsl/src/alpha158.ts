/**
 * Qlib's Alpha158 (qlib/contrib/data/loader.py, `Alpha158DL.get_feature_config()` with its default
 * config: kbar, price OPEN/HIGH/LOW/VWAP at window 0, and every rolling family over 5, 10, 20, 30,
 * 60 days), in the same order and with the same names, written in our language.
 *
 * VWAP0 is the one deliberate difference. Qlib's is `$vwap/$close`, and daily bars such as
 * all_stocks_5yr carry no VWAP. We keep the factor (158 columns, as models trained on Alpha158
 * expect) with the standard daily proxy for VWAP, the typical price (high + low + close) / 3.
 * Where real VWAP exists, register `$vwap/$close` as its own feature.
 */

/** The rolling windows of the default config. */
export const ALPHA158_WINDOWS: readonly number[] = [5, 10, 20, 30, 60];

/** VWAP0 as Qlib writes it, for sources that do have `$vwap`. */
export const ALPHA158_QLIB_VWAP0 = '$vwap/$close';

const KBAR: readonly [string, string][] = [
  ['KMID', '($close-$open)/$open'],
  ['KLEN', '($high-$low)/$open'],
  ['KMID2', '($close-$open)/($high-$low+1e-12)'],
  ['KUP', '($high-Greater($open, $close))/$open'],
  ['KUP2', '($high-Greater($open, $close))/($high-$low+1e-12)'],
  ['KLOW', '(Less($open, $close)-$low)/$open'],
  ['KLOW2', '(Less($open, $close)-$low)/($high-$low+1e-12)'],
  ['KSFT', '(2*$close-$high-$low)/$open'],
  ['KSFT2', '(2*$close-$high-$low)/($high-$low+1e-12)'],
];

const PRICE: readonly [string, string][] = [
  ['OPEN0', '$open/$close'],
  ['HIGH0', '$high/$close'],
  ['LOW0', '$low/$close'],
  ['VWAP0', '($high+$low+$close)/3/$close'],
];

/** Each rolling family as Qlib's f-string, `{d}` standing for the window. */
const ROLLING: readonly [string, string][] = [
  ['ROC', 'Ref($close, {d})/$close'],
  ['MA', 'Mean($close, {d})/$close'],
  ['STD', 'Std($close, {d})/$close'],
  ['BETA', 'Slope($close, {d})/$close'],
  ['RSQR', 'Rsquare($close, {d})'],
  ['RESI', 'Resi($close, {d})/$close'],
  ['MAX', 'Max($high, {d})/$close'],
  ['MIN', 'Min($low, {d})/$close'],
  ['QTLU', 'Quantile($close, {d}, 0.8)/$close'],
  ['QTLD', 'Quantile($close, {d}, 0.2)/$close'],
  ['RANK', 'Rank($close, {d})'],
  ['RSV', '($close-Min($low, {d}))/(Max($high, {d})-Min($low, {d})+1e-12)'],
  ['IMAX', 'IdxMax($high, {d})/{d}'],
  ['IMIN', 'IdxMin($low, {d})/{d}'],
  ['IMXD', '(IdxMax($high, {d})-IdxMin($low, {d}))/{d}'],
  ['CORR', 'Corr($close, Log($volume+1), {d})'],
  ['CORD', 'Corr($close/Ref($close,1), Log($volume/Ref($volume, 1)+1), {d})'],
  ['CNTP', 'Mean($close>Ref($close, 1), {d})'],
  ['CNTN', 'Mean($close<Ref($close, 1), {d})'],
  ['CNTD', 'Mean($close>Ref($close, 1), {d})-Mean($close<Ref($close, 1), {d})'],
  ['SUMP', 'Sum(Greater($close-Ref($close, 1), 0), {d})/(Sum(Abs($close-Ref($close, 1)), {d})+1e-12)'],
  ['SUMN', 'Sum(Greater(Ref($close, 1)-$close, 0), {d})/(Sum(Abs($close-Ref($close, 1)), {d})+1e-12)'],
  [
    'SUMD',
    '(Sum(Greater($close-Ref($close, 1), 0), {d})-Sum(Greater(Ref($close, 1)-$close, 0), {d}))' +
      '/(Sum(Abs($close-Ref($close, 1)), {d})+1e-12)',
  ],
  ['VMA', 'Mean($volume, {d})/($volume+1e-12)'],
  ['VSTD', 'Std($volume, {d})/($volume+1e-12)'],
  ['WVMA', 'Std(Abs($close/Ref($close, 1)-1)*$volume, {d})/(Mean(Abs($close/Ref($close, 1)-1)*$volume, {d})+1e-12)'],
  ['VSUMP', 'Sum(Greater($volume-Ref($volume, 1), 0), {d})/(Sum(Abs($volume-Ref($volume, 1)), {d})+1e-12)'],
  ['VSUMN', 'Sum(Greater(Ref($volume, 1)-$volume, 0), {d})/(Sum(Abs($volume-Ref($volume, 1)), {d})+1e-12)'],
  [
    'VSUMD',
    '(Sum(Greater($volume-Ref($volume, 1), 0), {d})-Sum(Greater(Ref($volume, 1)-$volume, 0), {d}))' +
      '/(Sum(Abs($volume-Ref($volume, 1)), {d})+1e-12)',
  ],
];

function build(): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, expression] of [...KBAR, ...PRICE]) out[name] = expression;
  for (const [family, template] of ROLLING) {
    for (const d of ALPHA158_WINDOWS) out[`${family}${d}`] = template.replaceAll('{d}', String(d));
  }
  return Object.freeze(out);
}

/** The 158 factors, name -> expression, in Qlib's order. They read $open $high $low $close $volume. */
export const ALPHA158: Readonly<Record<string, string>> = build();
