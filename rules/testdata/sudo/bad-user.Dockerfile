FROM debian:12-slim
RUN useradd --uid 10001 app && apt-get update && apt-get install -y sudo
USER app
# want: sudo sudo
RUN sudo apt-get update && sudo apt-get install -y curl
