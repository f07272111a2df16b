FROM debian:12-slim
RUN apt-get update && apt-get install -y curl
RUN apt-get install -qy git
RUN apt-get --yes install git
RUN apt-get -qq install git
RUN apt-get install --assume-yes git
RUN yes | apt-get install git
RUN apt-get update
RUN sh -c "apt-get install -y git"
RUN if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo ok; fi
RUN apt-get install -q -q git
RUN apt-get install --quiet --quiet git
RUN apt-get install -q=2 git
