FROM node:22-slim
USER 1000:1000
ENTRYPOINT ["node"]
# Meant as ["server.js"]: single quotes make it shell form.
# want: shell-form-cmd-with-entrypoint
CMD ['server.js']
