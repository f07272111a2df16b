FROM debian:12-slim
RUN apt-get update && apt-get install -y curl
RUN apt-get install -qy git
RUN apt-get --yes install git
RUN apt-get -qq install git
RUN apt-get install --assume-yes git
RUN yes | apt-get install git
RUN apt-get update
RUN sh -c "apt-get install -y git"
