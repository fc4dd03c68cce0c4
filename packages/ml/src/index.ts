export * from './eval/index.ts';
export * from './onnx/index.ts';
