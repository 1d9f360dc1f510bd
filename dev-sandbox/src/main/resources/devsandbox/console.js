'use strict';

// The dev console. It calls the host API (/api/v1/**) from the browser with the dev API key, exactly as
// a host application's backend would. Data from the server only ever reaches the page via textContent.
// It also shows the host's check on return: each connect session carries a random client_state kept in
// this tab, and a redirect back is trusted only if it brings that value and the connection is the owner's.
(function () {
  const KEY_STORAGE = 'cio-connect.dev.api-key';
  const OWNER_STORAGE = 'cio-connect.dev.owner';
  const PENDING_STORAGE = 'cio-connect.dev.pending-connect';
  const PROVIDER_STORAGE = 'cio-connect.dev.provider';
  const COLUMNS = 6;

  const byId = (id) => document.getElementById(id);
  const apiKey = byId('api-key');
  const owner = byId('owner');
  const provider = byId('provider');
  const banner = byId('banner');
  const connections = byId('connections');

  function showBanner(kind, message) {
    banner.textContent = message;
    banner.className = 'banner ' + kind;
    banner.hidden = false;
  }

  function remember() {
    sessionStorage.setItem(KEY_STORAGE, apiKey.value.trim());
    sessionStorage.setItem(OWNER_STORAGE, owner.value.trim());
    if (provider.value) {
      sessionStorage.setItem(PROVIDER_STORAGE, provider.value);
    }
  }

  async function api(method, path, body) {
    const key = apiKey.value.trim();
    if (!key) {
      throw new Error('paste the API key printed by the dev command first');
    }
    const init = { method: method, cache: 'no-store', headers: { Authorization: 'Bearer ' + key, Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (notJson) {
      data = null;
    }
    if (!response.ok) {
      const detail = data && (data.detail || data.title) ? (data.detail || data.title) : 'HTTP ' + response.status;
      throw new Error(detail + (data && data.code ? ' (' + data.code + ')' : ''));
    }
    return data;
  }

  function randomClientState() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  let providersTimer = null;

  function providerOption(value, label, disabled) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    option.disabled = disabled;
    return option;
  }

  // Only what GET /api/v1/providers lists: a provider that is not enabled is never offered.
  async function loadProviders() {
    if (!apiKey.value.trim()) {
      provider.replaceChildren(providerOption('', 'paste the API key to see the enabled providers', true));
      return;
    }
    const chosen = provider.value || sessionStorage.getItem(PROVIDER_STORAGE) || 'sandbox';
    try {
      const data = await api('GET', '/api/v1/providers');
      const list = data && Array.isArray(data.providers) ? data.providers : [];
      const options = list.map((p) => providerOption(p.id,
        p.display_name === p.id ? p.id : p.display_name + ' (' + p.id + ')', false));
      provider.replaceChildren(...(options.length ? options : [providerOption('', 'no provider is enabled', true)]));
      if (list.some((p) => p.id === chosen)) {
        provider.value = chosen;
      }
    } catch (error) {
      provider.replaceChildren(providerOption('', 'could not load providers: ' + error.message, true));
    }
  }

  function loadProvidersSoon() {
    clearTimeout(providersTimer);
    providersTimer = setTimeout(loadProviders, 300);
  }

  async function connect() {
    remember();
    if (!provider.value) {
      showBanner('error', 'Pick a provider first: paste the API key to see the enabled ones.');
      return;
    }
    try {
      const clientState = randomClientState();
      const who = owner.value.trim();
      const session = await api('POST', '/api/v1/connect-sessions',
        { owner: who, provider: provider.value, return_to: location.origin + '/', client_state: clientState });
      // Like a host's server-side session: what this tab started, to check the redirect back against.
      sessionStorage.setItem(PENDING_STORAGE, JSON.stringify({ clientState: clientState, owner: who }));
      location.assign(session.connect_url);
    } catch (error) {
      showBanner('error', 'Could not start the connection: ' + error.message);
    }
  }

  async function loadConnections() {
    const who = owner.value.trim();
    if (!apiKey.value.trim() || !who) {
      showMessage('Paste the API key and name an owner to see connections.');
      return;
    }
    try {
      const data = await api('GET', '/api/v1/connections?owner=' + encodeURIComponent(who));
      render(data && Array.isArray(data.connections) ? data.connections : []);
    } catch (error) {
      showMessage('Could not load connections: ' + error.message);
    }
  }

  function showMessage(text) {
    const row = document.createElement('tr');
    row.className = 'empty';
    const td = cell(text);
    td.colSpan = COLUMNS;
    row.append(td);
    connections.replaceChildren(row);
  }

  function cell(value) {
    const td = document.createElement('td');
    td.textContent = value === null || value === undefined || value === '' ? '—' : String(value);
    return td;
  }

  function actionButton(label, action, id) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.dataset.action = action;
    button.dataset.connectionId = id;
    return button;
  }

  function formatTime(value) {
    if (!value) {
      return null;
    }
    const at = new Date(value);
    const seconds = Math.round((at.getTime() - Date.now()) / 1000);
    return at.toLocaleTimeString() + (seconds >= 0 ? ' (in ' + seconds + ' s)' : ' (' + -seconds + ' s ago)');
  }

  // The MCP server each listed connection's tokens are for (its resource), by connection id.
  const resources = {};

  function render(list) {
    if (list.length === 0) {
      showMessage('No connections yet for this owner. Press Connect.');
      return;
    }
    const rows = [];
    for (const connection of list) {
      resources[connection.id] = connection.resource;
      const row = document.createElement('tr');
      row.dataset.connectionId = connection.id;
      const status = cell(connection.status);
      status.className = connection.status === 'active' ? 'status ok' : 'status attention';
      const actions = document.createElement('td');
      actions.className = 'actions';
      actions.append(actionButton('Get token', 'get-token', connection.id),
        actionButton('Force refresh', 'force-refresh', connection.id),
        actionButton('Disconnect', 'disconnect', connection.id));
      row.append(cell(connection.id), cell(connection.provider), status,
        cell(formatTime(connection.access_token_expires_at)), cell(connection.last_error), actions);
      const tokenRow = document.createElement('tr');
      tokenRow.className = 'token-row';
      tokenRow.dataset.tokenFor = connection.id;
      tokenRow.hidden = true;
      rows.push(row, tokenRow);
    }
    connections.replaceChildren(...rows);
  }

  const webhooks = byId('webhooks');

  function webhookMessage(text) {
    const row = document.createElement('tr');
    row.className = 'empty';
    const td = cell(text);
    td.colSpan = 6;
    row.append(td);
    webhooks.replaceChildren(row);
  }

  // What dev's own receiver got (GET /dev/webhooks needs no key: it is dev's, not the host API).
  async function loadWebhooks() {
    try {
      const response = await fetch('/dev/webhooks', { cache: 'no-store', headers: { Accept: 'application/json' } });
      if (response.status === 404) {
        webhookMessage('Webhooks go to WEBHOOK_URL, not to this console.');
        return;
      }
      const data = await response.json();
      const list = data && Array.isArray(data.webhooks) ? data.webhooks : [];
      if (list.length === 0) {
        webhookMessage('No webhook yet. Connect an account.');
        return;
      }
      webhooks.replaceChildren(...list.map((event) => {
        const row = document.createElement('tr');
        const item = event.data || {};
        const signature = cell(event.verified ? 'verified' : 'not verified');
        signature.className = event.verified ? 'status ok' : 'status attention';
        row.append(cell(event.type), cell(item.id), cell(item.owner), cell(item.status),
          cell(event.timestamp ? new Date(event.timestamp).toLocaleTimeString() : null), signature);
        return row;
      }));
    } catch (error) {
      webhookMessage('Could not load webhooks: ' + error.message);
    }
  }

  function mask(token) {
    return token.length <= 4 ? '••••' : '••••••••' + token.slice(-4);
  }

  function showToken(id, token) {
    const row = Array.from(connections.querySelectorAll('tr.token-row')).find((r) => r.dataset.tokenFor === id);
    if (!row) {
      return;
    }
    const masked = mask(token.access_token);
    const value = document.createElement('code');
    value.dataset.role = 'token';
    value.textContent = masked;
    const reveal = document.createElement('button');
    reveal.type = 'button';
    reveal.textContent = 'Reveal';
    reveal.dataset.action = 'reveal';
    reveal.dataset.connectionId = id;
    let revealed = false;
    reveal.addEventListener('click', () => {
      revealed = !revealed;
      value.textContent = revealed ? token.access_token : masked;
      reveal.textContent = revealed ? 'Hide' : 'Reveal';
    });
    const details = document.createElement('span');
    details.className = 'details';
    details.textContent = token.token_type + ' · expires ' + (formatTime(token.expires_at) || 'never')
      + ' · scopes: ' + ((token.scopes || []).join(' ') || '—');
    const td = document.createElement('td');
    td.colSpan = COLUMNS;
    td.append('Access token: ', value, reveal, details);
    if (resources[id]) {
      const mcp = document.createElement('span');
      mcp.className = 'details';
      mcp.dataset.role = 'mcp';
      mcp.textContent = 'MCP server: ' + resources[id];
      td.append(mcp);
      callMcp(resources[id], token.access_token, mcp);
    }
    row.replaceChildren(td);
    row.hidden = false;
  }

  // What an AI product does with the token: an MCP initialize call. The sandbox's server answers with the
  // client the token was issued to and how that client identified itself (pre-registered, client ID
  // metadata document, dynamic registration). Another origin's server is only named: this page may call
  // only its own service.
  async function callMcp(resource, accessToken, into) {
    if (new URL(resource, location.href).origin !== location.origin) {
      into.textContent = 'MCP server: ' + resource + ' (call it from your backend with this token)';
      return;
    }
    try {
      const response = await fetch(resource, {
        method: 'POST',
        cache: 'no-store',
        headers: { Authorization: 'Bearer ' + accessToken, 'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25',
          capabilities: {}, clientInfo: { name: 'cio-connect dev console', version: '1' } } })
      });
      const answer = await response.json();
      const result = answer && answer.result ? answer.result : null;
      const client = result && result._meta ? result._meta['io.cioconnect/client'] : null;
      into.textContent = !response.ok || !result ? 'MCP initialize failed: HTTP ' + response.status
        : 'MCP initialize: ' + result.serverInfo.name + (client ? ' · client identity: ' + client.identity_label
          + ' (' + client.client_id + ')' : '');
    } catch (error) {
      into.textContent = 'MCP initialize failed: ' + error.message;
    }
  }

  async function getToken(id, forceRefresh) {
    try {
      const path = '/api/v1/connections/' + encodeURIComponent(id) + '/access-token';
      const token = await api('POST', path, forceRefresh ? { force_refresh: true } : undefined);
      await loadConnections();
      showToken(id, token);
    } catch (error) {
      showBanner('error', 'Could not get a token: ' + error.message);
    }
  }

  async function disconnect(id) {
    try {
      await api('DELETE', '/api/v1/connections/' + encodeURIComponent(id));
      showBanner('info', 'Disconnected ' + id + '.');
      await loadConnections();
    } catch (error) {
      showBanner('error', 'Could not disconnect: ' + error.message);
    }
  }

  function onRowAction(event) {
    const button = event.target.closest('button[data-action]');
    if (!button) {
      return;
    }
    const id = button.dataset.connectionId;
    if (button.dataset.action === 'get-token') {
      getToken(id, false);
    } else if (button.dataset.action === 'force-refresh') {
      getToken(id, true);
    } else if (button.dataset.action === 'disconnect') {
      disconnect(id);
    }
  }

  // The host's check on return: the redirect must bring back the client_state this tab sent, and the
  // connection must belong to the owner this tab asked for. Anything else is someone else's connect link
  // (forwarded to this browser): the connection is deleted, so its owner never gets this account.
  async function checkReturn(params) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING_STORAGE) || 'null');
    sessionStorage.removeItem(PENDING_STORAGE); // one redirect per session
    const status = params.get('status');
    const id = params.get('connection_id');
    if (!pending || params.get('client_state') !== pending.clientState) {
      if (status === 'connected' && id) {
        await refuse(id);
      }
      showBanner('error', 'Refused: this redirect was not started in this tab (client_state does not match).');
      return;
    }
    if (status === 'connected') {
      const connection = await api('GET', '/api/v1/connections/' + encodeURIComponent(id));
      if (connection.owner !== pending.owner) {
        await refuse(id);
        showBanner('error', 'Refused: the connection belongs to another owner.');
        return;
      }
      showBanner('success', 'Connected (client_state and owner checked). Connection id: ' + id);
    } else {
      showBanner('error', 'The connection failed: ' + (params.get('error') || 'unknown error'));
    }
  }

  async function refuse(id) {
    try {
      await api('DELETE', '/api/v1/connections/' + encodeURIComponent(id));
    } catch (error) {
      showBanner('error', 'Could not delete the refused connection: ' + error.message);
    }
  }

  async function bannerFromQuery() {
    const params = new URLSearchParams(location.search);
    if (location.search) {
      history.replaceState(null, '', location.pathname); // a reload should not check or show it again
    }
    if (params.get('status')) {
      try {
        await checkReturn(params);
      } catch (error) {
        showBanner('error', 'Could not check the connection: ' + error.message);
      }
    }
  }

  apiKey.value = sessionStorage.getItem(KEY_STORAGE) || '';
  owner.value = sessionStorage.getItem(OWNER_STORAGE) || owner.value;
  apiKey.addEventListener('input', remember);
  apiKey.addEventListener('input', loadProvidersSoon);
  provider.addEventListener('change', remember);
  owner.addEventListener('input', remember);
  apiKey.addEventListener('change', loadConnections);
  owner.addEventListener('change', loadConnections);
  byId('connect').addEventListener('click', connect);
  byId('refresh').addEventListener('click', loadConnections);
  connections.addEventListener('click', onRowAction);
  byId('reload-webhooks').addEventListener('click', loadWebhooks);
  bannerFromQuery().then(loadConnections);
  loadProviders();
  loadWebhooks();
  setInterval(loadWebhooks, 3000); // webhooks arrive a moment after the change they announce
}());
