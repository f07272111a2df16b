FROM debian:12-slim
# Installing the package, mentioning it or configuring it is not running it.
RUN apt-get update && apt-get install -y --no-install-recommends sudo && rm -rf /var/lib/apt/lists/*
RUN echo sudo && echo 'app ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/app
RUN useradd --uid 10001 app
USER 10001:10001
# sudo in CMD is a runtime matter, not a build step.
CMD ["sudo", "-n", "true"]
