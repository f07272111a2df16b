# One CMD per stage is fine, and a later stage may replace an inherited CMD.
FROM node:22-slim AS base
CMD ["node", "--version"]

FROM base AS test
CMD ["npm", "test"]

FROM base
ONBUILD CMD ["npm", "start"]
HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
CMD ["node", "server.js"]
