"""Load script (not a test): N /ask requests from C concurrent clients against a running `cancu serve` on loopback.

    python benchmarks/load.py --url http://127.0.0.1:8000 --requests 400 --clients 20

Prints p50/p95/p99 latency, requests per second and the number of errors, and (with --json) writes them.
The client is aiohttp: with httpx's connection pool the client itself added over 100 ms to the p95 at
20 clients on this 2-core machine (server-side latency, from /metrics, stayed under 50 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

import aiohttp

QUESTIONS = [
    "Phòng Công tác sinh viên phải làm gì?",
    "bao cao so ket 6 thang nop truoc ngay nao",
    "Văn phòng Trường Cao đẳng Lào Cai có trách nhiệm gì?",
    "Kế hoạch 08/KH-CĐCĐ căn cứ những văn bản nào?",
    "Kiên Hải ứng dụng công nghệ thông tin, chuyển đổi số ra sao?",
    "Chỉ thị 09-CT/TW ban hành ngày nào?",
    "Mục đích của kế hoạch Sóc Trăng là gì?",
    "Giá vàng hôm nay bao nhiêu?",
]


def check_loopback(url: str) -> None:
    """Load goes to this machine only."""
    if not url.startswith(("http://127.", "http://localhost", "http://[::1]")):
        raise ValueError(f"load tests target loopback only, not {url}")


async def run(url: str, total: int, clients: int, questions: list[str] = QUESTIONS) -> dict[str, float | int]:
    check_loopback(url)
    latencies: list[float] = []
    errors = 0
    counter = iter(range(total))

    async def worker(http: aiohttp.ClientSession) -> None:
        nonlocal errors
        for i in counter:
            start = time.perf_counter()
            try:
                async with http.post(f"{url}/ask", json={"question": questions[i % len(questions)]}) as r:
                    ok = r.status == 200 and "answer" in await r.json()
            except (TimeoutError, aiohttp.ClientError, ValueError):
                ok = False
            latencies.append((time.perf_counter() - start) * 1000)
            errors += 0 if ok else 1

    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=clients), timeout=timeout) as http:
        async with http.get(f"{url}/readyz") as r:
            r.raise_for_status()
        start = time.perf_counter()
        await asyncio.gather(*(worker(http) for _ in range(clients)))
        elapsed = time.perf_counter() - start
    qs = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "requests": total,
        "clients": clients,
        "errors": errors,
        "seconds": round(elapsed, 3),
        "requests_per_second": round(total / elapsed, 1),
        "p50_ms": round(qs[49], 1),
        "p95_ms": round(qs[94], 1),
        "p99_ms": round(qs[98], 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--json", metavar="FILE", help="also write the figures to this file")
    args = parser.parse_args()
    try:
        check_loopback(args.url)
    except ValueError as exc:
        parser.error(str(exc))
    result = asyncio.run(run(args.url, args.requests, args.clients))
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
