FROM nginx:1.27
# Signals programs shut down on, in any spelling Docker reads.
STOPSIGNAL SIGQUIT
STOPSIGNAL quit
STOPSIGNAL 3
STOPSIGNAL SIGRTMIN+3
STOPSIGNAL SIGTERM
CMD ["nginx", "-g", "daemon off;"]
