#!/bin/sh
# The helper's su is the hand-over when the script ends by calling it.
as_app() {
	# want: su-privilege-drop
	su app -s /bin/sh -c "$*"
}
chown -R app /data
as_app /usr/local/bin/server --port 8080
