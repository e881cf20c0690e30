// The babel config of the Docusaurus templates, plus `sourceType: "unambiguous"`: the theme ships CommonJS, and
// without it babel adds ES `import`s of its helpers to those files, webpack then bundles them as ES modules, and
// the browser fails with "exports is not defined" (the page renders without its parameters and schemas).
module.exports = { presets: [require.resolve("@docusaurus/core/lib/babel/preset")], sourceType: "unambiguous" };
