"""A call to an OpenAI-compatible chat endpoint (``POST <address>/chat/completions``), as local
servers (Ollama, vLLM, llama.cpp) and hosted providers answer it: the text of the first choice."""

import requests


class ChatCompletionError(Exception):
    """The endpoint did not answer with a text: down, slow, refused, or an answer of another shape."""


def complete(address, model, messages, api_key=None, timeout=30):
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    try:
        response = requests.post(
            f"{address.rstrip('/')}/chat/completions",
            json={"model": model, "messages": messages, "temperature": 0.2, "stream": False},
            headers=headers,
            timeout=timeout,
        )
    except requests.Timeout as error:
        raise ChatCompletionError("timeout") from error
    except requests.RequestException as error:
        raise ChatCompletionError("unreachable") from error
    if response.status_code != 200:
        raise ChatCompletionError(f"HTTP {response.status_code}")
    try:
        text = response.json()["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as error:
        raise ChatCompletionError("unexpected answer") from error
    if not isinstance(text, str) or not text.strip():
        raise ChatCompletionError("empty answer")
    return text.strip()
