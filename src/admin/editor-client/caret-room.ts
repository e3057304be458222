/** Space kept between the caret and whatever covers the window's edge, so the lines around it show too. */
const breathingRoom = 12;

/** How far from each edge of the window the caret must stay, in CSS pixels: ProseMirror's scroll threshold and margin. */
export interface CaretRoom {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export function createCaretRoom(): CaretRoom {
  return { top: breathingRoom, right: breathingRoom, bottom: breathingRoom, left: breathingRoom };
}

/**
 * Keeps the caret clear of what sticks to the window's edges: the toolbar at the top and the form's
 * action bar at the bottom. ProseMirror scrolls the selection into view against the bare window and
 * would leave the line being typed under either. It reads its scroll threshold and margin on every
 * scroll, so `room`, given as both, is updated in place whenever they change height. The browser
 * itself moves the caret for the arrow keys, and reveals it by the page's scroll padding, which
 * admin.css takes from the two custom properties set here.
 */
export function keepCaretClearOf(room: CaretRoom, edges: { readonly top: HTMLElement; readonly bottom?: HTMLElement | null | undefined }): void {
  // On a wide screen the action bar sticks to the top of the side column instead, beside the writing, not over it.
  const covering = (element: HTMLElement | null | undefined, edge: 'top' | 'bottom') => {
    if (!element) return 0;
    const style = getComputedStyle(element);
    return /^(sticky|fixed)$/.test(style.position) && style[edge] !== 'auto' ? element.getBoundingClientRect().height : 0;
  };
  const measure = () => {
    room.top = covering(edges.top, 'top') + breathingRoom;
    room.bottom = covering(edges.bottom, 'bottom') + breathingRoom;
    // Set through the CSSOM, which the Content-Security-Policy allows, unlike a style attribute in the markup.
    document.documentElement.style.setProperty('--caret-room-top', `${room.top}px`);
    document.documentElement.style.setProperty('--caret-room-bottom', `${room.bottom}px`);
  };
  // A narrower window wraps the action bar onto more rows, and admin.css may stop either sticking; both resize them.
  const observer = new ResizeObserver(measure);
  for (const element of [edges.top, edges.bottom]) if (element) observer.observe(element);
  measure();
}
