"""What the check-*.py scripts share (carry, compare, consolidate, review,
validate): juesuan-cli run with a plain C.UTF-8 environment, a scratch
folder of their own, fresh files and copies of the sample in it, `paths`
as a dict, and a TAP runner.

    from checklib import CLI, ENV, TMP, test, run, must, fresh, sample, table, main
    ...
    sys.exit(main())

The CLI is the script's first argument; TMP is named after the script
(check-carry.py: jue-carry-XXXX) and removed when main() is done.
"""
import os, shutil, subprocess, sys, tempfile

CLI = sys.argv[1]
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
_NAME = os.path.splitext(os.path.basename(sys.argv[0]))[0]
TMP = tempfile.mkdtemp(prefix=_NAME.replace("check-", "jue-", 1) + "-")
tests = []


def test(fn):
    """Adds fn to the tests main() runs, in the order they are defined."""
    tests.append(fn)
    return fn


def run(*args, env=None):
    """juesuan-cli ARGS: (exit status, stdout, stderr); env defaults to ENV."""
    p = subprocess.run([CLI, *args], capture_output=True, env=ENV if env is None else env)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def must(cond, what):
    if not cond:
        raise AssertionError(what)


def fresh(name):
    """A path in TMP where no file is."""
    p = os.path.join(TMP, name)
    if os.path.exists(p):
        os.unlink(p)
    return p


def sample(name):
    """A new copy of the built-in sample in TMP."""
    p = fresh(name)
    rc, _, err = run("new", "--sample", p)
    must(rc == 0, err)
    return p


def table(*args):
    """The PATH<TAB>TYPE<TAB>VALUE lines of a command (paths, paths --computed)
    as {path: (type, value)}."""
    rc, out, err = run(*args)
    must(rc == 0, err)
    d = {}
    for line in out.split("\n"):
        if line:
            p, t, v = line.split("\t", 2)
            d[p] = (t, v)
    return d


def main():
    """Runs every test, prints TAP, removes TMP; 1 when one failed.  A test
    returning "skip REASON" is reported as skipped."""
    print("1..%d" % len(tests))
    failed = 0
    for n, fn in enumerate(tests, 1):
        try:
            result = fn()
            if isinstance(result, str) and result.startswith("skip"):
                print("ok %d - %s # SKIP %s" % (n, fn.__name__, result[5:]))
            else:
                print("ok %d - %s" % (n, fn.__name__))
        except Exception as e:  # noqa: BLE001 — report every failure as TAP
            failed += 1
            print("not ok %d - %s" % (n, fn.__name__))
            for line in (str(e).splitlines() or [repr(e)])[:40]:
                print("# " + line)
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0
