import json
import pickle

import yaml


def load_entry(blob: bytes):
    return pickle.loads(blob)


def load_config(stream):
    return yaml.load(stream)


def load_safe(stream):
    return yaml.safe_load(stream)


def load_with_loader(stream):
    return yaml.load(stream, Loader=yaml.SafeLoader)


def load_json(text):
    return json.loads(text)
