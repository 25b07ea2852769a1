"""Word 97-2003 (.doc) files, converted to .docx by LibreOffice and then read like any .docx.

Of the three Debian converters measured (README, "How documents are read"), only LibreOffice keeps Word's
automatic numbering: antiword and catdoc print "Mục đích:" where Word shows "1. Mục đích:", and the outline
collapses. Converting to .docx keeps ``numbering.xml``, so the .docx reader renders the numbers. LibreOffice
is slower (about a second per file against milliseconds), which is nothing beside a person's upload.

Each conversion gets its own LibreOffice profile in a temporary folder, so conversions in two processes (the
server and a ``cancu ingest``) cannot collide on a profile lock; conversions in one process are serialised.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from core.errors import ConverterUnavailable, UnreadableFile

logger = logging.getLogger(__name__)

#: seconds one conversion may take
TIMEOUT = 120.0
INSTALL_HINT = (
    "install LibreOffice Writer: `apt-get install --no-install-recommends libreoffice-writer-nogui` "
    "(Debian/Ubuntu; scripts/run.sh does it when run as root)"
)
_LOCK = threading.Lock()


def soffice() -> str | None:
    """The LibreOffice executable, if installed."""
    for name in ("soffice", "libreoffice", "lowriter"):
        found = shutil.which(name)
        if found:
            return found
    return None


def missing() -> str | None:
    """Why .doc files cannot be read here (with how to fix it), or None when they can."""
    return None if soffice() else f"LibreOffice is not installed; {INSTALL_HINT}"


def doc_to_docx(name: str, data: bytes) -> bytes:
    """The .docx LibreOffice makes of a .doc file's bytes."""
    exe = soffice()
    if exe is None:
        raise ConverterUnavailable(
            name, f"reading .doc files needs LibreOffice, which is not installed; {INSTALL_HINT}"
        )
    with _LOCK, tempfile.TemporaryDirectory(prefix="cancu-doc-") as tmp:
        folder = Path(tmp)
        source = folder / "in.doc"
        source.write_bytes(data)
        command = [
            exe,
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise UnreadableFile(name, f"LibreOffice did not convert the .doc within {TIMEOUT:.0f} s") from exc
        except OSError as exc:
            raise ConverterUnavailable(name, f"LibreOffice could not start: {exc}; {INSTALL_HINT}") from exc
        target = folder / "in.docx"
        if not target.exists():
            detail = (done.stderr or done.stdout).strip().splitlines()
            reason = detail[-1] if detail else f"exit code {done.returncode}"
            raise UnreadableFile(name, f"corrupt or unreadable .doc (LibreOffice could not convert it: {reason})")
        return target.read_bytes()
