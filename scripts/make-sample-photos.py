#!/usr/bin/env python3
"""Draws the synthetic walkaround photos of the bundled sample day.

Run by a developer (needs Pillow: `pip install pillow`); the JPEGs it writes are committed, so neither set-up nor CI
runs it. It draws only the files that are missing (delete one to redraw it), so committed photos keep their bytes. Photos are camera-sized (2048x1536), carry EXIF with GPS tags and a camera model (which
`inspect` must strip) and some are stored rotated with an EXIF orientation (which `inspect` must undo). Each car
has its own paint colour and each angle its own composition, so photos of different cars are not near-duplicates.
"""
import math
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFont

ANGLES = [
    "front_left_45", "front", "front_right_45", "right_side", "rear_right_45", "rear", "rear_left_45",
    "left_side", "dashboard_odometer", "vin_plate", "engine_bay", "front_seats", "rear_seats", "trunk",
    "wheel_lf", "wheel_rf", "wheel_rr", "wheel_lr",
]
W, H = 2048, 1536
# Stored rotated, with the EXIF orientation that turns them upright again.
ORIENTATION = {"front": 6, "rear": 3, "trunk": 8}


def font(size):
    for path in ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"]:
        if os.path.exists(path):
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def exterior(d, rng, paint):
    horizon = rng.randrange(380, 760)  # the camera height and tilt differ per shot
    sky = (rng.randrange(90, 140), rng.randrange(130, 180), rng.randrange(190, 240))
    for y in range(0, horizon):
        t = y / horizon
        d.line([(0, y), (W, y)], fill=(int(sky[0] + 60 * t), int(sky[1] + 40 * t), int(sky[2] + 15 * t)))
    wall_bottom = horizon + rng.randrange(250, 450)
    brick_h, brick_w = rng.choice([28, 40, 56]), rng.choice([90, 120, 170])
    base = (rng.randrange(110, 190), rng.randrange(50, 120), rng.randrange(40, 110))
    for row, y in enumerate(range(horizon, wall_bottom, brick_h)):
        offset = (row % 2) * brick_w // 2
        for x in range(-brick_w, W + brick_w, brick_w):
            shade = rng.randint(-22, 22)
            d.rectangle([x + offset, y, x + offset + brick_w - 6, y + brick_h - 6],
                        fill=(base[0] + shade, base[1] + shade // 2, base[2] + shade // 3))
        d.rectangle([0, y + brick_h - 6, W, y + brick_h], fill=(190, 185, 175))
    d.rectangle([0, wall_bottom, W, H], fill=(rng.randrange(70, 120),) * 3)
    for x in range(rng.randrange(0, 200), W, rng.randrange(220, 420)):
        d.line([(x + 40, wall_bottom), (x - rng.randrange(40, 200), H)], fill=(225, 205, 60), width=10)
    for _ in range(2500):
        x, y = rng.randrange(W), rng.randrange(wall_bottom, H)
        g = rng.randint(60, 140)
        d.point((x, y), fill=(g, g, g))
    scale = rng.uniform(0.8, 1.25)
    w = int(1300 * scale)
    x0 = rng.randrange(-200, max(-199, W - w + 200))
    top = wall_bottom - int(rng.uniform(0.3, 0.6) * 400 * scale)
    dark = tuple(max(0, c - 60) for c in paint)
    body_h, cabin_h = int(350 * scale), int(240 * scale)
    d.rounded_rectangle([x0, top, x0 + w, top + body_h], radius=70, fill=paint, outline=(15, 15, 15), width=8)
    d.rounded_rectangle([x0 + w // 5, top - cabin_h + 20, x0 + w - w // 4, top + 20], radius=60, fill=paint, outline=(15, 15, 15), width=8)
    for k in range(3):
        wx = x0 + w // 5 + 40 + k * (w // 6)
        d.rounded_rectangle([wx, top - cabin_h + 60, wx + w // 7, top + 5], radius=18, fill=(55, 70, 90), outline=dark, width=6)
    d.line([(x0 + w // 2, top + 20), (x0 + w // 2, top + body_h - 30)], fill=dark, width=6)
    r = int(150 * scale)
    for wx in (x0 + w // 6, x0 + w - w // 6):
        cy = top + body_h
        d.ellipse([wx - r, cy - r, wx + r, cy + r], fill=(20, 20, 20))
        d.ellipse([wx - r // 2, cy - r // 2, wx + r // 2, cy + r // 2], fill=(175, 175, 180))
        for a in range(0, 360, 45):
            d.line([(wx, cy), (wx + 0.5 * r * math.cos(math.radians(a)), cy + 0.5 * r * math.sin(math.radians(a)))], fill=(90, 90, 95), width=10)


def interior(d, rng, paint, kind):
    d.rectangle([0, 0, W, H], fill=(rng.randrange(95, 140),) * 3)
    if kind == "dashboard_odometer":
        panel = tuple(rng.randrange(60, 130) for _ in range(3))
        d.rounded_rectangle([rng.randrange(0, 300), rng.randrange(100, 400), W - rng.randrange(0, 300), H - rng.randrange(120, 300)], radius=80, fill=panel)
        gauges = rng.choice([1, 2, 3])
        for k in range(gauges):
            cx = 300 + (k + 0.5) * (W - 600) / gauges + rng.randrange(-120, 120)
            cy = rng.randrange(600, 900)
            r = rng.randrange(200, 380) if gauges < 3 else rng.randrange(150, 230)
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(30, 30, 40), outline=(220, 220, 230), width=12)
            for a in range(-220, 41, rng.choice([10, 20, 30])):
                d.line([(cx + 0.8 * r * math.cos(math.radians(a)), cy + 0.8 * r * math.sin(math.radians(a))),
                        (cx + 0.95 * r * math.cos(math.radians(a)), cy + 0.95 * r * math.sin(math.radians(a)))], fill=(230, 230, 230), width=8)
            needle = rng.randrange(-210, 30)
            d.line([(cx, cy), (cx + 0.75 * r * math.cos(math.radians(needle)), cy + 0.75 * r * math.sin(math.radians(needle)))], fill=(240, 80, 40), width=14)
        ox, oy = rng.randrange(500, 1200), rng.randrange(1000, 1200)
        d.rectangle([ox, oy, ox + 420, oy + 100], fill=(15, 40, 20))
        d.text((ox + 30, oy + 10), "%06d km" % rng.randrange(10000, 200000), fill=(120, 255, 140), font=font(70))
        for _ in range(rng.randrange(4, 12)):  # warning lamps and buttons
            x, y = rng.randrange(100, W - 100), rng.randrange(150, H - 250)
            d.ellipse([x - 25, y - 25, x + 25, y + 25], fill=tuple(rng.randrange(60, 255) for _ in range(3)))
    elif kind == "vin_plate":
        d.rectangle([300, 400, W - 300, H - 400], fill=(205, 205, 195), outline=(90, 90, 90), width=14)
        for row in range(5):
            d.text((380, 470 + row * 120), "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17)), fill=(30, 30, 30), font=font(80))
    elif kind == "engine_bay":
        for _ in range(40):
            x, y = rng.randrange(0, W - 300), rng.randrange(0, H - 300)
            g = rng.randrange(70, 210)
            d.rectangle([x, y, x + rng.randrange(80, 500), y + rng.randrange(60, 400)], fill=(g, g, g + 10), outline=(10, 10, 10), width=5)
        for _ in range(12):
            d.line([(rng.randrange(W), rng.randrange(H)), (rng.randrange(W), rng.randrange(H))], fill=(20, 20, 20), width=24)
    else:  # seats and trunk
        seat = tuple(rng.randrange(40, 200) for _ in range(3))
        n = 1 if kind == "trunk" else (2 if kind == "front_seats" else 3)
        left = rng.randrange(0, 500)
        for k in range(n):
            x = left + k * (W - 400) // n
            d.rounded_rectangle([x + 40, 200, x + (W - 400) // n - 40, H - 250], radius=90, fill=seat, outline=(10, 10, 10), width=10)
            for stripe in range(300, H - 300, 60):
                d.line([(x + 80, stripe), (x + (W - 400) // n - 80, stripe)], fill=tuple(max(0, c - 50) for c in seat), width=8)
            for px in range(x + 100, x + (W - 400) // n - 100, 24):  # perforation
                for py in range(330, H - 330, 60):
                    d.ellipse([px - 4, py + 26, px + 4, py + 34], fill=tuple(max(0, c - 70) for c in seat))


def wheel(d, rng, paint):
    """A close-up of one wheel: tyre with tread blocks, rim and spokes, a strip of body paint above."""
    d.rectangle([0, 0, W, H], fill=(rng.randrange(80, 120),) * 3)
    d.rectangle([0, 0, W, rng.randrange(200, 380)], fill=paint)
    cx, cy, r = W // 2 + rng.randrange(-200, 200), H // 2 + rng.randrange(-80, 120), rng.randrange(520, 640)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(22, 22, 24))
    for a in range(0, 360, rng.choice([6, 8, 10])):  # tread blocks
        x1, y1 = cx + 0.93 * r * math.cos(math.radians(a)), cy + 0.93 * r * math.sin(math.radians(a))
        x2, y2 = cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a))
        d.line([(x1, y1), (x2, y2)], fill=(60, 60, 62), width=14)
    rim = int(r * rng.uniform(0.58, 0.68))
    d.ellipse([cx - rim, cy - rim, cx + rim, cy + rim], fill=(185, 185, 190), outline=(90, 90, 95), width=12)
    spokes = rng.choice([5, 6, 10])
    for k in range(spokes):
        a = math.radians(k * 360 / spokes + rng.randrange(0, 30))
        d.line([(cx, cy), (cx + 0.95 * rim * math.cos(a), cy + 0.95 * rim * math.sin(a))], fill=(120, 120, 128), width=48)
    d.ellipse([cx - rim // 5, cy - rim // 5, cx + rim // 5, cy + rim // 5], fill=(60, 60, 66))
    d.text((cx - r + 60, cy - 40), "205/55 R16 DOT 3%02d" % rng.randrange(10, 52), fill=(200, 200, 200), font=font(48))


def draw(paint, label, seed, night=False):
    rng = random.Random(seed)
    img = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(img)
    kind = label.split()[-1] if "delivery" not in label else label.split()[-1]
    if kind in ("dashboard_odometer", "vin_plate", "engine_bay", "front_seats", "rear_seats", "trunk"):
        interior(d, rng, paint, kind)
    elif kind.startswith("wheel_"):
        wheel(d, rng, paint)
    else:
        exterior(d, rng, paint)
    d.rectangle([0, H - 110, W, H], fill=(0, 0, 0))
    d.text((40, H - 95), label, fill=(255, 255, 255), font=font(64))
    if night:
        img = Image.eval(img, lambda v: v // 9)
    return img


def save(img, path, orientation=1, seed=0):
    rng = random.Random(seed)
    exif = Image.Exif()
    exif[0x010F] = "SampleCam"
    exif[0x0110] = "WalkAround 1"
    exif[0x0112] = orientation
    gps = {1: "N", 2: (39.0, 47.0, round(rng.uniform(0, 59), 2)), 3: "E", 4: (116.0, 30.0, round(rng.uniform(0, 59), 2))}
    exif[0x8825] = gps
    if orientation == 6:
        img = img.transpose(Image.Transpose.ROTATE_90)
    elif orientation == 3:
        img = img.transpose(Image.Transpose.ROTATE_180)
    elif orientation == 8:
        img = img.transpose(Image.Transpose.ROTATE_270)
    img.save(path, "JPEG", quality=72, exif=exif.tobytes())


def main(root):
    cars = {
        "LSVAM4189C2184526": ((200, 200, 205), ["14HH2", "26AX1"]),
        "LFV2A21K2D4052187": ((30, 60, 140), ["19AX2", "4SH"]),
        "JHMCM56557C404453": ((120, 20, 25), ["27HH1"]),
        "LGXCE6CB2H0123456": ((235, 235, 230), []),
        "LHGCR2654E8012345": ((40, 40, 45), ["14HH1", "17AX2", "22XS3", "39HH4"]),
    }
    def missing(path):
        return not os.path.exists(path)

    for vin, (paint, closeups) in cars.items():
        folder = os.path.join(root, vin, "photos")
        os.makedirs(folder, exist_ok=True)
        for angle in ANGLES:
            path = os.path.join(folder, f"{angle}.jpg")
            if missing(path):
                save(draw(paint, f"{vin[-6:]} {angle}", vin + angle), path, ORIENTATION.get(angle, 1), seed=sum(map(ord, vin + angle)))
        for name in closeups:
            path = os.path.join(folder, f"defect-{name}.jpg")
            if missing(path):
                save(draw(tuple(max(0, c - 40) for c in paint), f"{vin[-6:]} close-up {name}", vin + name), path)
        if vin not in ("LSVAM4189C2184526", "JHMCM56557C404453"):
            continue
        # Handover photos (delivery stage): the four corners and the odometer; the Accord is handed over at night
        # and one photo is too dark.
        night = vin == "JHMCM56557C404453"
        for angle in ["front_left_45", "front_right_45", "rear_right_45", "rear_left_45", "dashboard_odometer"]:
            dark = night and angle == "front_left_45"
            path = os.path.join(folder, f"delivery-{angle}.jpg")
            if missing(path):
                save(draw(paint, f"{vin[-6:]} delivery {angle}", vin + "delivery" + angle, night=dark), path)
        if not night:
            # The 7-day return of the Lavida (a new scratch on the rear bumper).
            for angle in ["front_left_45", "front_right_45", "rear_right_45", "rear_left_45", "dashboard_odometer"]:
                path = os.path.join(folder, f"return-{angle}.jpg")
                if missing(path):
                    save(draw(paint, f"{vin[-6:]} return {angle}", vin + "return" + angle), path)
            path = os.path.join(folder, "return-27HH1.jpg")
            if missing(path):
                save(draw(tuple(max(0, c - 40) for c in paint), f"{vin[-6:]} return close-up 27HH1", vin + "return27HH1"), path)
        path = os.path.join(folder, "delivery-26AX2.jpg")
        if night and missing(path):
            save(draw(tuple(max(0, c - 40) for c in paint), f"{vin[-6:]} delivery close-up 26AX2", vin + "delivery26AX2"), path)

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "samples", "day-2026-11-20"))
