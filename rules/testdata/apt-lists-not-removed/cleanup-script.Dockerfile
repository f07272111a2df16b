# The RUN ends with a clean-up script copied from the context: what it
# removes is not in the RUN's text, so the lists are not reported.
FROM ubuntu:24.04
COPY scripts/dist/ /scripts/
RUN apt-get update && apt-get install -y --no-install-recommends curl && /scripts/cleanup.sh
RUN apt-get update && apt-get install -y --no-install-recommends git && bash ./cleanup.sh
# A script run before the update cannot clean what the update fetches.
# want: apt-lists-not-removed
RUN /scripts/prepare.sh && apt-get update && apt-get install -y --no-install-recommends jq
