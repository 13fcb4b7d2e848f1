import requests


def fetch_partner(url):
    return requests.get(url, verify=False, timeout=10)


def fetch_public(url):
    return requests.get(url, verify=True, timeout=10)


def fetch_internal(url, ca_bundle):
    return requests.get(url, verify=ca_bundle, timeout=10)
