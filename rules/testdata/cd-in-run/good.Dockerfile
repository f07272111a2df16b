FROM node:22-slim
WORKDIR /app
COPY . .
RUN npm ci
# cd as a word, not a command
RUN echo cd /tmp && git -C /app log -1
# a cd inside `sh -c` is the nested shell's business
RUN ["sh", "-c", "echo done"]
