# escape=`
FROM debian:12
RUN apt-get update && `
# want: apt-get-missing-yes
    apt-get install --no-install-recommends `
      curl
RUN apt-get install -y --no-install-recommends `
      tzdata
