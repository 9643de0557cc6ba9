"""Writes the image files the photo tests upload (run from this folder; needs Pillow).

gps.jpg        a 400 x 300 JPEG whose EXIF carries a GPS position and orientation 6 (shown turned a quarter right)
alpha.png      a 240 x 160 PNG with transparency
opaque.png     a 1600 x 1000 PNG without transparency
photo.webp     a 300 x 200 WebP
anim.gif       a GIF (a format the hub refuses)
bomb.png       1-bit PNG declaring 20,000 x 20,000 pixels: 400 million pixels in a file of about 50 KB
truncated.jpg  the first half of a JPEG
text.jpg       a text file named .jpg
"""
import struct
import zlib

from PIL import Image, ImageDraw


def gradient(width, height):
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for x in range(width):
        draw.line([(x, 0), (x, height)], fill=(x * 255 // width, 120, 255 - x * 255 // width))
    draw.rectangle([10, 10, 60, 40], fill=(255, 255, 255))
    return image


photo = gradient(400, 300)
exif = Image.Exif()
exif[0x0112] = 6  # orientation: turn 90 degrees clockwise to show
exif[0x010F] = "ZonehubTestCamera"
exif[0x8825] = {  # GPS IFD: 48.8566 N, 2.3522 E
    1: "N", 2: (48.0, 51.0, 23.76), 3: "E", 4: (2.0, 21.0, 7.92),
}
photo.save("gps.jpg", quality=90, exif=exif)

alpha = Image.new("RGBA", (240, 160), (0, 0, 0, 0))
ImageDraw.Draw(alpha).ellipse([20, 20, 220, 140], fill=(200, 40, 40, 255))
alpha.save("alpha.png")
gradient(1600, 1000).save("opaque.png")
gradient(300, 200).save("photo.webp", quality=80)
gradient(60, 40).convert("P").save("anim.gif")

# A decompression bomb: 20,000 rows of 2,500 zero bytes (1 bit a pixel), each after its filter byte.
width = height = 20_000
row = b"\x00" + b"\x00" * (width // 8)
compressor = zlib.compressobj(9)
data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


with open("bomb.png", "wb") as out:
    out.write(b"\x89PNG\r\n\x1a\n")
    out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)))
    out.write(chunk(b"IDAT", data))
    out.write(chunk(b"IEND", b""))

whole = open("gps.jpg", "rb").read()
open("truncated.jpg", "wb").write(whole[: len(whole) // 2])
open("text.jpg", "w").write("Ceci n'est pas une image, seulement du texte.\n")
