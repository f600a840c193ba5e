<#
.SYNOPSIS
  Serves Certkeep (the app folder beside this script) on http://localhost:<port>.

.DESCRIPTION
  Windows PowerShell 5.1 or PowerShell 7, no modules: a small HTTP/1.1 server on a
  System.Net.Sockets.TcpListener bound to the loopback address 127.0.0.1. Not HttpListener:
  that one needs an administrator's URL reservation for 127.0.0.1, and http.sys would answer
  on every interface. The vault holds private keys, so no other machine may reach this server.
  localhost is a secure context: the service worker, installation, notifications and WebCrypto
  all work.

  Keep the same port from one day to the next: the browser keeps the vault per origin, and
  http://localhost:4174 is a different, empty vault from http://localhost:4173.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File serve.ps1 -Port 4173
#>
[CmdletBinding()]
param(
  # Port to listen on: default 4173 (or CERTKEEP_PORT); 0 picks a free port.
  [int]$Port = -1,
  # Accepted only as 127.0.0.1 or localhost; anything else is refused.
  [string]$BindHost = ''
)

$ErrorActionPreference = 'Stop'
$Version = '%CERTKEEP_VERSION%'
$Csp = '%CERTKEEP_CSP%'

if (-not $Csp.Contains('default-src')) {
  [Console]::Error.WriteLine('serve.ps1: this is the template: run the copy inside a release bundle (npm run package).')
  exit 2
}
if (-not $BindHost -and $env:CERTKEEP_HOST) { $BindHost = $env:CERTKEEP_HOST }
if ($BindHost -and $BindHost -ne '127.0.0.1' -and $BindHost -ne 'localhost') {
  [Console]::Error.WriteLine("serve.ps1: refusing to listen on ${BindHost}: Certkeep serves 127.0.0.1 only, so no other machine can reach it.")
  exit 2
}
if ($Port -lt 0) {
  if ($env:CERTKEEP_PORT) { $Port = [int]$env:CERTKEEP_PORT } else { $Port = 4173 }
}
if ($Port -lt 0 -or $Port -gt 65535) {
  [Console]::Error.WriteLine("serve.ps1: not a port number: $Port")
  exit 2
}

$Root = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot 'app'))
$Types = @{
  '.html' = 'text/html; charset=utf-8'
  '.js' = 'text/javascript; charset=utf-8'
  '.mjs' = 'text/javascript; charset=utf-8'
  '.css' = 'text/css; charset=utf-8'
  '.json' = 'application/json'
  '.webmanifest' = 'application/manifest+json'
  '.svg' = 'image/svg+xml'
  '.png' = 'image/png'
  '.ico' = 'image/x-icon'
  '.wasm' = 'application/wasm'
  '.txt' = 'text/plain; charset=utf-8'
}

function Send-Response($Stream, [int]$Status, [string]$Reason, [string]$Type, [byte[]]$Body, [bool]$HeadOnly) {
  $lines = @(
    "HTTP/1.1 $Status $Reason",
    "Content-Type: $Type",
    "Content-Length: $($Body.Length)",
    "Content-Security-Policy: $Csp",
    'X-Content-Type-Options: nosniff',
    'Cross-Origin-Opener-Policy: same-origin',
    'Cross-Origin-Resource-Policy: same-origin',
    'Referrer-Policy: no-referrer',
    'Cache-Control: no-cache',
    'Connection: close'
  )
  if ($Status -eq 405) { $lines += 'Allow: GET, HEAD' }
  $head = [System.Text.Encoding]::ASCII.GetBytes(($lines -join "`r`n") + "`r`n`r`n")
  $Stream.Write($head, 0, $head.Length)
  if (-not $HeadOnly -and $Body.Length -gt 0) { $Stream.Write($Body, 0, $Body.Length) }
  $Stream.Flush()
}

function Send-Text($Stream, [int]$Status, [string]$Reason, [bool]$HeadOnly) {
  $body = [System.Text.Encoding]::ASCII.GetBytes("$Reason`n")
  Send-Response $Stream $Status $Reason 'text/plain; charset=utf-8' $body $HeadOnly
}

# The file under app/ for a request path, or $null: nothing outside app/, whatever the dots say.
function Resolve-AppFile([string]$RequestPath) {
  $path = $RequestPath.Split('?')[0].Split('#')[0]
  try { $path = [System.Uri]::UnescapeDataString($path) } catch { return $null }
  if ($path.Contains([char]0) -or $path.Contains(':') -or $path.Contains('\')) { return $null }
  if ($path.EndsWith('/')) { $path += 'index.html' }
  $relative = $path.TrimStart('/').Replace('/', [System.IO.Path]::DirectorySeparatorChar)
  try { $full = [System.IO.Path]::GetFullPath((Join-Path $Root $relative)) } catch { return $null }
  $prefix = $Root.TrimEnd([System.IO.Path]::DirectorySeparatorChar) + [System.IO.Path]::DirectorySeparatorChar
  if (-not $full.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) { return $null }
  if (-not [System.IO.File]::Exists($full)) { return $null }
  return $full
}

function Invoke-Request($Client) {
  $Client.ReceiveTimeout = 2000
  $Client.SendTimeout = 10000
  $stream = $Client.GetStream()
  $reader = New-Object System.IO.StreamReader($stream, [System.Text.Encoding]::ASCII, $false, 8192, $true)
  $requestLine = $reader.ReadLine()
  if (-not $requestLine) { return }
  # Headers are read and ignored: the answer depends on the method and the path only.
  while ($true) {
    $line = $reader.ReadLine()
    if ($null -eq $line -or $line -eq '') { break }
  }
  $parts = $requestLine.Split(' ')
  if ($parts.Length -lt 3) { Send-Text $stream 400 'Bad Request' $false; return }
  $method = $parts[0]
  $headOnly = $method -eq 'HEAD'
  if ($method -ne 'GET' -and -not $headOnly) { Send-Text $stream 405 'Method Not Allowed' $false; return }
  $file = Resolve-AppFile $parts[1]
  if (-not $file) { Send-Text $stream 404 'Not Found' $headOnly; return }
  $type = $Types[[System.IO.Path]::GetExtension($file).ToLowerInvariant()]
  if (-not $type) { $type = 'application/octet-stream' }
  Send-Response $stream 200 'OK' $type ([System.IO.File]::ReadAllBytes($file)) $headOnly
}

$listener = New-Object System.Net.Sockets.TcpListener([System.Net.IPAddress]::Loopback, $Port)
try {
  $listener.Start()
} catch {
  [Console]::Error.WriteLine("serve.ps1: cannot listen on port ${Port}: pass another with -Port N (and keep using it).")
  exit 1
}
$actual = $listener.LocalEndpoint.Port
Write-Host "Certkeep $Version is served at http://localhost:$actual/ (127.0.0.1 only). Ctrl+C stops it."
try {
  while ($true) {
    # Polling rather than a blocking accept, so Ctrl+C is seen between two checks.
    if (-not $listener.Pending()) { Start-Sleep -Milliseconds 25; continue }
    $client = $listener.AcceptTcpClient()
    try { Invoke-Request $client } catch { } finally { $client.Close() }
  }
} finally {
  $listener.Stop()
}
