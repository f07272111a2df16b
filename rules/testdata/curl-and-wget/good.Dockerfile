FROM debian:12-slim AS fetch
RUN wget -q https://example.com/a -O /a
FROM debian:12-slim
COPY --from=fetch /a /a
RUN curl -fsSL https://example.com/b -o /b
# installing wget is not using it
RUN apt-get install -y wget && echo curl
