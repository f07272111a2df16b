FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-get -y --no-install-recommends install git
RUN aptitude install -y -R vim
RUN apt-get update && apt-get upgrade -y
RUN if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo ok; fi
