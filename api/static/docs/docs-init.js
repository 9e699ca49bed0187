// Starts Swagger UI on /docs (an external file, so the page runs under a strict CSP).
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
