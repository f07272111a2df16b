FROM debian:12-slim AS build
COPY src.tar.gz /tmp/
# strips a directory, which ADD cannot
RUN tar -xzf /tmp/src.tar.gz --strip-components=1 -C /src
COPY pkg.tar.gz /tmp/
# picks members
RUN tar -xzf /tmp/pkg.tar.gz bin/tool -C /usr/local
COPY site.zip /tmp/
RUN unzip /tmp/site.zip -d /srv
# made in the build, not copied
RUN curl -fsSL https://example.com/x.tar.gz | tar -xz -C /opt
FROM debian:12-slim
COPY --from=build /tmp/src.tar.gz /tmp/
RUN tar -xzf /tmp/src.tar.gz -C /opt
# listed, not extracted
COPY more.tar /tmp/
RUN tar -tf /tmp/more.tar
COPY foo/app.tar /opt/app.bin
RUN tar -xf /opt/app.bin
