// The smallest Docusaurus site that renders docusaurus-plugin-openapi-docs pages the way authentik's site
// does: the docs plugin with the theme's `@theme/ApiItem` as the page component, and the theme itself.
// render.sh copies the pages to render into `docs/` beside this file (in a scratch site folder).
module.exports = {
  title: "mdxgen render-text",
  url: "http://localhost",
  baseUrl: "/",
  onBrokenLinks: "ignore",
  onBrokenMarkdownLinks: "ignore",
  presets: [
    [
      "classic",
      {
        docs: {
          routeBasePath: "docs",
          sidebarPath: require.resolve("./sidebars.js"),
          docItemComponent: "@theme/ApiItem",
        },
        blog: false,
        pages: false,
        theme: {},
      },
    ],
  ],
  themes: ["docusaurus-theme-openapi-docs"],
  plugins: [
    // The theme's documented setup from 4.x on: its styles are Sass.
    "docusaurus-plugin-sass",
    // postman-code-generators 2.x (the code samples) imports `path`, which theme 4.7.1 does not polyfill
    // (5.x does the same in its own webpack config).
    function nodePolyfills() {
      return {
        name: "node-polyfills",
        configureWebpack() {
          return { resolve: { fallback: { path: require.resolve("path-browserify") } } };
        },
      };
    },
  ],
  themeConfig: {},
};
