FROM debian:12-slim
RUN useradd --uid 10001 app
# want: su-privilege-drop
ENTRYPOINT ["su", "-", "app", "-c", "/usr/local/bin/server"]
# want: su-privilege-drop
CMD su app -c "exec /usr/local/bin/server"

FROM debian:12-slim AS sh-c
RUN useradd --uid 10001 app
# want: su-privilege-drop
CMD ["sh", "-c", "chown -R app /data && exec runuser -u app -- /usr/local/bin/server"]
