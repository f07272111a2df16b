ARG KEY=NODE_ENV
FROM node:22-slim
ENV NODE_ENV=production PATH=/app/bin:$PATH
LABEL maintainer="Jane Doe"
ENV ${KEY}=production
ENV MULTI=a \
    OTHER=b
RUN <<EOF
ENV not an instruction
EOF
