FROM node:22-slim
RUN useradd --uid 10001 app
USER 10001
# Triggers run in the images built FROM this one, as this image's user.
# want: sudo
ONBUILD RUN sudo npm ci
ONBUILD RUN npm run build
ONBUILD COPY . /app
