export {
  createPageRoute,
  markdownToHtml,
  type PageRouteOptions,
  pageShell,
  type RenderedPage,
  scriptJson,
} from './pages.ts';
