// A 512×512 RGB PNG made in the page (opaque, so a canvas gives back its exact bytes): the
// picture of the image mode's speed target (issue #12), for pictures.spec.js and
// bench-pictures.mjs.
export async function rgbPng512(page) {
  const bytes = await page.evaluate(async () => {
    const c = new OffscreenCanvas(512, 512), g = c.getContext('2d'), img = g.createImageData(512, 512);
    for (let k = 0; k < 512 * 512; k++) {
      const x = k % 512, y = (k / 512) | 0;
      img.data.set([(x * 7 + y) & 255, (x * y) & 255, (x ^ y) & 255, 255], 4 * k);
    }
    g.putImageData(img, 0, 0);
    return Array.from(new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer()));
  });
  return { name: 'big.png', mimeType: 'image/png', buffer: Buffer.from(bytes) };
}
