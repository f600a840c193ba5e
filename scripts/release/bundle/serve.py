#!/usr/bin/env python3
"""Serves Certkeep (the app/ folder beside this file) on http://localhost:<port>, with nothing
but Python 3's standard library. Loopback only: the vault holds private keys, and this server
must never be reachable from another machine. localhost is a secure context, so the service
worker, installation, notifications and WebCrypto all work.

    python3 serve.py [--port N]      (or CERTKEEP_PORT=N; default 4173; 0 picks a free port)

Keep the same port from one day to the next: the browser keeps the vault per origin, and
http://localhost:4174 is a different, empty vault from http://localhost:4173.
"""
import argparse
import functools
import http.server
import os
import sys

VERSION = '%CERTKEEP_VERSION%'
CSP = '%CERTKEEP_CSP%'
HOST = '127.0.0.1'
DEFAULT_PORT = 4173
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'app')

# A fixed table, not the mimetypes module: that one reads the system's registry or
# /etc/mime.types, where .js is sometimes text/plain and the browser then refuses the module.
TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.webmanifest': 'application/manifest+json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.wasm': 'application/wasm',
    '.txt': 'text/plain; charset=utf-8',
}

HEADERS = {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    # Revalidate every time: after the bundle is replaced, sw.js must be seen as new.
    'Cache-Control': 'no-cache',
}


def fail(message):
    print('serve.py: ' + message, file=sys.stderr)
    sys.exit(2)


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files of app/ with Certkeep's headers; no directory listings."""

    def guess_type(self, path):
        return TYPES.get(os.path.splitext(path)[1].lower(), 'application/octet-stream')

    def list_directory(self, path):
        self.send_error(404, 'Not found')
        return None

    def end_headers(self):
        for name, value in HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):
        # One line per request is noise for a person; errors still reach stderr.
        pass

    def log_error(self, format, *args):
        sys.stderr.write('serve.py: ' + (format % args) + '\n')


def parse_port():
    parser = argparse.ArgumentParser(description='Serve Certkeep on http://localhost:<port> (127.0.0.1 only).')
    parser.add_argument('port_arg', nargs='?', help=argparse.SUPPRESS)
    parser.add_argument('--port', help='port to listen on (default 4173, or CERTKEEP_PORT; 0 = any free port)')
    parser.add_argument('--host', help=argparse.SUPPRESS)
    args = parser.parse_args()
    host = args.host if args.host is not None else os.environ.get('CERTKEEP_HOST')
    if host is not None and host not in (HOST, 'localhost'):
        fail('refusing to listen on %s: Certkeep serves 127.0.0.1 only, so no other machine can reach it.' % host)
    raw = args.port or args.port_arg or os.environ.get('CERTKEEP_PORT') or str(DEFAULT_PORT)
    if not raw.isdigit() or int(raw) > 65535:
        fail('not a port number: ' + raw)
    return int(raw)


def main():
    if 'default-src' not in CSP:
        fail('this is the template: run the copy inside a release bundle (npm run package).')
    port = parse_port()
    handler = functools.partial(Handler, directory=ROOT)
    try:
        server = http.server.ThreadingHTTPServer((HOST, port), handler)
    except OSError as error:
        fail('cannot listen on port %d (%s): pass another with --port N (and keep using it).' % (port, error.strerror))
    actual = server.server_address[1]
    print('Certkeep %s is served at http://localhost:%d/ (127.0.0.1 only). Ctrl+C stops it.' % (VERSION, actual),
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == '__main__':
    main()
