# cron must stay root to run each crontab as its owner: info.
# want: missing-user
FROM alpine:3.20
COPY crontab /etc/crontabs/www-data
CMD ["crond", "-f", "-l", "2"]
