"""A browser's view of a rolling deploy, for loadtest/fleet: pages through the load balancer,
then every asset each page names, through the load balancer too, until the stop file appears.

    python3 crawl.py BASE LISTINGS STOP_FILE

Prints one line per asset status and one per release seen ("RELEASE <site.css name> <pages>"),
so the run shows that pages of both releases were served while their assets all answered.
"""
import http.client
import random
import re
import sys
import os
from collections import Counter
from urllib.parse import urlsplit

base, listings, stop = sys.argv[1], int(sys.argv[2]), sys.argv[3]
where = urlsplit(base)
ASSET = re.compile(r'(?:href|src)="(/(?:assets|webjars)/[^"]+)"')
pages, assets, releases, failures = Counter(), Counter(), Counter(), []


def get(connection, path):
    connection.request("GET", path)
    answer = connection.getresponse()
    answer.read()
    return answer.status, answer.getheader("X-Served-By")


connection = http.client.HTTPConnection(where.hostname, where.port, timeout=10)
while not os.path.exists(stop):
    path = "/listings/%d" % random.randrange(listings)
    try:
        connection.request("GET", path)
        answer = connection.getresponse()
        body = answer.read().decode("utf-8", "replace")
        pages[answer.status] += 1
        if answer.status != 200:
            continue
        named = ASSET.findall(body)
        css = next((a for a in named if a.endswith(".css")), "?")
        releases[css.rsplit("/", 1)[-1]] += 1
        for asset in named:
            status, server = get(connection, asset)
            assets[status] += 1
            if status != 200:
                failures.append("%s %s from %s (page by %s)" % (status, asset, server, answer.getheader("X-Served-By")))
    except (OSError, http.client.HTTPException) as error:
        pages["error"] += 1
        connection.close()
        connection = http.client.HTTPConnection(where.hostname, where.port, timeout=10)

for status, n in sorted(pages.items(), key=str):
    print("PAGE", status, n)
for status, n in sorted(assets.items(), key=str):
    print("ASSET", status, n)
for name, n in sorted(releases.items()):
    print("RELEASE", name, n)
for failure in failures[:20]:
    print("FAILED", failure)
