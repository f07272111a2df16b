FROM node:22-slim AS build
# want: legacy-key-value-format
ENV NODE_ENV production
# want: legacy-key-value-format
LABEL maintainer Jane Doe
# want: legacy-key-value-format
ENV PATH /app/node_modules/.bin:$PATH
FROM build
# want: legacy-key-value-format
ENV GREETING "hello world"
# want: legacy-key-value-format
ENV LONG one \
    two
