// Whether WebGL runs in software here (no usable GPU: SwiftShader, llvmpipe, Windows' basic
// renderer), where every pixel the map draws costs the processor. The map then draws at half
// resolution while it moves (full again once it stops), which keeps panning and zooming smooth.

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

let answer: boolean | undefined;

export function softwareWebGL(): boolean {
  if (answer !== undefined) return answer;
  answer = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    answer = SOFTWARE.test(renderer);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    // No answer: draw at full resolution.
  }
  return answer;
}
