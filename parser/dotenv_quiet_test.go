package parser

import (
	"bytes"
	"sync"
	"testing"

	"github.com/sirupsen/logrus"
)

// compose-go logs a warning for a `.env` line that uses a variable the
// file does not set; dlint's standard error must not get that line, which
// names no file.
func TestParseDotEnvLogsNothing(t *testing.T) {
	var buf bytes.Buffer
	silenceLogrus = sync.Once{}
	logrus.SetOutput(&buf)
	if _, err := ParseDotEnv([]byte("MAIL_FROM_NAME=\"${APP_NAME}\"\n")); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 0 {
		t.Errorf("compose-go logged: %s", buf.String())
	}
}
