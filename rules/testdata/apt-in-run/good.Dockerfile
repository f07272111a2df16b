FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN echo apt install is not run here
RUN apt-cache policy curl
RUN apt --version
