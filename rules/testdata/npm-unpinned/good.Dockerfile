FROM node:22-slim
ARG TS_VERSION
RUN npm install
RUN npm ci --omit=dev
RUN npm install --progress=false
RUN npm install -g typescript@$TS_VERSION express@"4.1.1" @myorg/privatepackage@">=0.1.0 <0.2.0"
RUN npm install package-v1.2.3.tgz ./folder ../folder /folder
RUN npm install git+https://github.com/npm/cli.git#v10.9.0 user/repo#semver:^1.0
RUN npm install --loglevel verbose sax@0.1.1
