FROM nginx:1.27
# A typo fails the build.
# want: stop-signal
STOPSIGNAL SIGTERN
