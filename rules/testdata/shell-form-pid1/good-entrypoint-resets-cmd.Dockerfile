FROM node:22-slim AS base
# Never runs: the final stage sets ENTRYPOINT, which drops the inherited CMD.
CMD npm start

FROM base
ENTRYPOINT ["node", "server.js"]
