// Starts Swagger UI on the app's own OpenAPI description (no inline script: the page's CSP forbids it).
"use strict";
window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
