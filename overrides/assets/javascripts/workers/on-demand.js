// Material's search worker, started on the first search instead of on every page load, so that a first
// visit does not download it (main.html points Material at this file, naming its worker in ?worker=).
// Material 9.8's page posts {type: 0} with the search index once, then {type: 2} per query; its worker
// answers {type: 1} once set up and {type: 3} with results ({items: []} for an empty query).
"use strict";

const SETUP = 0;
const READY = 1;
const RESULT = 3;
const reply = self.postMessage.bind(self);
let setup = null;
let waiting = null; // queries that came before Material's worker was set up
let started = false; // Material's worker has taken over
let passing = false; // a message is being handed to Material's worker

function pass(data) {
  passing = true;
  self.dispatchEvent(new MessageEvent("message", { data }));
  passing = false;
}

self.addEventListener("message", (event) => {
  if (started || passing) return; // Material's worker, loaded after this listener, takes it
  event.stopImmediatePropagation();
  if (event.data.type === SETUP) {
    setup = event.data;
    reply({ type: READY }); // the search box works at once; the work waits for the first query
    return;
  }
  if (!event.data.data.trim()) {
    reply({ type: RESULT, data: { items: [] } }); // what Material's worker answers an empty query
    return;
  }
  if (waiting) {
    waiting.push(event.data);
    return;
  }
  waiting = [event.data];
  self.postMessage = (message) => {
    if (message.type !== READY) return reply(message);
    self.postMessage = reply;
    started = true;
    waiting.forEach(pass);
  };
  self.importScripts(new URLSearchParams(self.location.search).get("worker"));
  pass(setup);
});
