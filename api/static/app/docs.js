// Interactive API docs; validatorUrl null keeps Swagger UI from calling an outside validator.
window.addEventListener("DOMContentLoaded", () => {
  if (!window.SwaggerUIBundle) {
    document.getElementById("swagger").textContent = "The API document is at /api/openapi.json.";
    return;
  }
  window.SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger", validatorUrl: null, deepLinking: true });
});
