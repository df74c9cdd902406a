export default defineBackground(() => {
  // Message handling lands with the content-script issue; the worker exists so the extension has an id.
});
