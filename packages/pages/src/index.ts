export {
  createPageRoute,
  escapeHtml,
  markdownToHtml,
  type PageRouteOptions,
  pageShell,
  type RenderedPage,
  scriptJson,
} from './pages.ts';
