package cli_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/auth"
)

// Stored values are printed cleaned like server text: an ESC in
// credentials.json's account (or in the config path) never reaches the
// terminal.
func TestStatusCleansWhatFilesAndTheEnvironmentHold(t *testing.T) {
	const hostile = "https://acme.kommo.com\x1b[2J\x1b]52;c;aGk=\a\u009b31m\u202e"
	config := filepath.Join(t.TempDir(), "conf\x1b[31m")
	c := &auth.Credentials{Account: hostile, Kind: auth.KindLongLived, AccessToken: "secret-token", TokenType: "Bearer",
		Expiry: time.Now().Add(time.Hour)}
	if err := auth.NewStore(filepath.Join(config, "leadscope")).Save(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"XDG_CONFIG_HOME": config, "HOME": config}
	for _, run := range []struct {
		args []string
		env  map[string]string
	}{
		{[]string{"status"}, env},
		{[]string{"status"}, merge(env, "KOMMO_TOKEN", "t")},
		{[]string{"status"}, merge(merge(env, "KOMMO_TOKEN", "t"), "KOMMO_BASE_URL", hostile)},
		{[]string{"logout"}, env},
	} {
		res := runCLI(t, run.env, "", run.args...)
		if res.code != 0 {
			t.Fatalf("%v: exit %d: %s", run.args, res.code, res.stderr)
		}
		out := res.stdout + res.stderr
		if strings.ContainsAny(out, "\x1b\a\u009b\u202e") {
			t.Errorf("%v printed a control character:\n%q", run.args, out)
		}
		if !strings.Contains(out, "conf␛[31m") {
			t.Errorf("%v does not show the path cleaned:\n%q", run.args, out)
		}
	}
}
