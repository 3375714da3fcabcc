#!/usr/bin/env python3
"""Draws the small synthetic walkaround photos used by the bundled sample day.

Run once by a developer (needs Pillow: `pip install pillow`); the JPEGs it writes are committed, so neither
set-up nor CI runs it. Each car gets its own paint colour and each angle its own composition, so photos of
different cars are not near-duplicates of each other.
"""
import hashlib
import os
import sys

from PIL import Image, ImageDraw

ANGLES = [
    "front_left_45", "front", "front_right_45", "right_side", "rear_right_45", "rear", "rear_left_45",
    "left_side", "dashboard_odometer", "vin_plate", "engine_bay", "front_seats", "rear_seats", "trunk",
]


def draw(path, paint, label, seed):
    rng = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    img = Image.new("RGB", (320, 240))
    d = ImageDraw.Draw(img)
    for y in range(240):
        shade = 150 + (y * 80) // 240 if y < 150 else 90 + (y - 150) // 3
        d.line([(0, y), (320, y)], fill=(shade // 2, shade // 2 + 20, shade) if y < 150 else (shade, shade, shade - 10))
    x0 = 40 + rng % 60
    w = 180 + (rng >> 8) % 60
    d.rounded_rectangle([x0, 110, x0 + w, 170], radius=18, fill=paint, outline=(20, 20, 20), width=2)
    d.rounded_rectangle([x0 + w // 5, 80, x0 + w - w // 4, 115], radius=12, fill=paint, outline=(20, 20, 20), width=2)
    for wx in (x0 + w // 6, x0 + w - w // 6):
        d.ellipse([wx - 18, 152, wx + 18, 188], fill=(25, 25, 25))
        d.ellipse([wx - 8, 162, wx + 8, 178], fill=(170, 170, 170))
    for i in range(6):
        cx, cy = (rng >> (16 + i * 8)) % 320, 20 + (rng >> (20 + i * 7)) % 60
        d.ellipse([cx - 10, cy - 4, cx + 10, cy + 4], fill=(235, 235, 240))
    d.rectangle([0, 214, 320, 240], fill=(0, 0, 0))
    d.text((8, 220), label, fill=(255, 255, 255))
    img.save(path, "JPEG", quality=80)


def main(root):
    cars = {
        "LSVAM4189C2184526": ((200, 200, 205), ["14HH2", "21XS1", "26AX1"]),
        "LFV2A21K2D4052187": ((30, 60, 140), ["19AX2", "4SH", "15XF1"]),
        "JHMCM56557C404453": ((120, 20, 25), ["27HH1", "flood_rail"]),
    }
    for vin, (paint, closeups) in cars.items():
        folder = os.path.join(root, vin, "photos")
        os.makedirs(folder, exist_ok=True)
        for angle in ANGLES:
            draw(os.path.join(folder, f"{angle}.jpg"), paint, f"{vin[-6:]} {angle}", vin + angle)
        for name in closeups:
            draw(os.path.join(folder, f"defect-{name}.jpg"), tuple(max(0, c - 40) for c in paint), f"{vin[-6:]} close-up {name}", vin + name)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "samples", "day-2026-11-20"))
