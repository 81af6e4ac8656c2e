#!/usr/bin/env python3
"""Builds the stereo call scenarios the audio tests use (agent left, caller right), with espeak-ng and sox.

Each scenario places synthesized phrases (trimmed of their own leading/trailing silence) and hold music at known
times over a faint line noise, and writes μ-law and A-law WAVE files plus the ground truth as JSON. The outputs are
committed; tests never run this script. Re-run it after changing a scenario:
    python3 tests/CallCenter.Audio.Tests/Fixtures/make-scenarios.py
"""
import json, os, subprocess, tempfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scenarios")
RATE = 8000

SCENARIOS = {
    "overtalk": {"seconds": 7, "events": [
        ("agent", 0.5, "您好 这里是纳税服务热线"),
        ("caller", 2.6, "我想问一下发票怎么开"),
    ]},
    "dead-air": {"seconds": 13, "events": [
        ("agent", 0.5, "请稍等 我帮您查询一下"),
        ("caller", 10.5, "好的 谢谢"),
    ]},
    "interruption": {"seconds": 7, "events": [
        ("agent", 0.5, "专项附加扣除需要在手机应用里面填报"),
        ("caller", 2.0, "等一下 我是问退税"),
    ]},
    "backchannel": {"seconds": 6, "events": [
        ("agent", 0.5, "您先登录电子税务局 然后点击我要办税"),
        ("caller", 2.0, "嗯"),
        ("caller", 3.5, "对"),
    ]},
    "hold": {"seconds": 13, "events": [
        ("agent", 0.5, "我帮您转接一下 请不要挂机"),
        ("music", 4.0, 6.0),
        ("agent", 10.5, "让您久等了"),
    ]},
}


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def duration(path):
    return float(subprocess.run(["soxi", "-D", path], check=True, capture_output=True, text=True).stdout)


def speech(text, out, tmp):
    raw = os.path.join(tmp, "raw.wav")
    run("espeak-ng", "-v", "cmn", "-s", "240", "-w", raw, text)
    run("sox", raw, "-r", str(RATE), "-c", "1", "-b", "16", out, "silence", "1", "0.02", "1%", "reverse", "silence", "1", "0.02", "1%", "reverse", "vol", "0.8")


def music(seconds, out):
    parts = [out + f".{i}.wav" for i in range(int(seconds / 0.5))]
    for i, part in enumerate(parts):
        run("sox", "-n", "-r", str(RATE), "-c", "1", "-b", "16", part, "synth", "0.5", "sine", str([523, 659, 784, 659][i % 4]), "vol", "0.3")
    run("sox", *parts, out)
    for part in parts:
        os.remove(part)


def build(name, spec, tmp):
    total = spec["seconds"]
    tracks = {"agent": [], "caller": []}
    truth = {"agent": [], "caller": [], "hold": []}
    for i, event in enumerate(spec["events"]):
        clip = os.path.join(tmp, f"{name}-{i}.wav")
        if event[0] == "music":
            music(event[2], clip)
            channel, start = "agent", event[1]
            truth["hold"].append([start, round(start + duration(clip), 3)])
        else:
            speech(event[2], clip, tmp)
            channel, start = event[0], event[1]
            truth[channel].append([start, round(start + duration(clip), 3)])
        placed = clip + ".placed.wav"
        run("sox", clip, placed, "pad", str(start), str(total))
        tracks[channel].append(placed)
    channels = []
    for channel, seed in (("agent", 1), ("caller", 2)):
        noise = os.path.join(tmp, f"{name}-{channel}-noise.wav")
        run("sox", "-n", "-r", str(RATE), "-c", "1", "-b", "16", noise, "synth", str(total), "whitenoise", "vol", "0.003")
        mixed = os.path.join(tmp, f"{name}-{channel}.wav")
        if tracks[channel]:
            run("sox", "-m", "-v", "1", noise, *sum((["-v", "1", t] for t in tracks[channel]), []), mixed, "trim", "0", str(total))
        else:
            run("sox", noise, mixed)
        channels.append(mixed)
    for encoding, suffix in (("u-law", "mulaw"), ("a-law", "alaw")):
        run("sox", "-M", *channels, "-e", encoding, "-b", "8", os.path.join(HERE, f"{name}.{suffix}.wav"))
    with open(os.path.join(HERE, f"{name}.json"), "w") as f:
        json.dump({"seconds": total, **truth}, f, indent=2)


if __name__ == "__main__":
    os.makedirs(HERE, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, spec in SCENARIOS.items():
            build(name, spec, tmp)
            print(name, open(os.path.join(HERE, f"{name}.json")).read().replace("\n", " "))
