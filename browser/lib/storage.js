/* Reading and writing the student's progress (lib/saved.js says how it is written down). */
import { copyProgress, emptyProgress, readProgress, serializeProgress } from "./saved.js";

/* The store of one key. Where the browser refuses to keep anything (storage disabled, blocked or full), the
   progress of this visit is kept in memory and `stored` turns false. */
export function progressStore(key, storage) {
  var memory = null;
  var store = {
    stored: true,
    load: function () {
      if (memory) return copyProgress(memory);
      var progress = readProgress(key, storage);
      if (!progress) {
        memory = emptyProgress();
        store.stored = false;
        return emptyProgress();
      }
      if (progress.old && progress.stored) store.save(progress); /* written as version 2 once, on first reading */
      return progress;
    },
    save: function (progress) {
      if (!memory) {
        try {
          storage().setItem(key, serializeProgress(progress));
          return true;
        } catch (e) {
          /* refused: keep it for this visit */
        }
      }
      memory = copyProgress(progress);
      store.stored = false;
      return false;
    }
  };
  return store;
}

/* The browser's localStorage (reading the property itself may throw where storage is blocked). */
export function localStore() {
  return window.localStorage;
}
