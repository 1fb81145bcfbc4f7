// Progressive enhancement of the question box at the foot of resident pages:
// with JavaScript the answer appears in place as a chat; without it the form
// simply opens /ask. Text is inserted with textContent only (never as HTML).
(function () {
  var widget = document.querySelector('.chat-widget');
  var form = document.getElementById('chat-form');
  var log = document.getElementById('chat-log');
  if (!widget || !form || !log || !window.fetch) return;
  var csrf = widget.getAttribute('data-csrf');
  var ja = widget.getAttribute('data-locale') !== 'en';
  var text = {
    notSure: ja ? 'はっきりした答えが見つかりませんでした。候補：' : 'No clear answer. Possible answers:',
    person: ja ? '職員に質問する' : 'Ask a member of staff',
    helpful: ja ? 'この回答は役に立ちましたか？' : 'Was this answer helpful?',
    yes: ja ? '役に立った' : 'Yes',
    no: ja ? '役に立たなかった' : 'No',
    thanks: ja ? 'ご意見ありがとうございました。' : 'Thank you for your feedback.',
    failed: ja ? '通信できませんでした。もう一度お試しください。' : 'Could not connect. Please try again.',
    source: ja ? '出典：' : 'Source: ',
  };

  function item(cls) {
    var li = document.createElement('li');
    if (cls) li.className = cls;
    log.appendChild(li);
    log.hidden = false;
    return li;
  }
  function para(parent, value) {
    var p = document.createElement('p');
    p.textContent = value;
    parent.appendChild(p);
    return p;
  }
  function link(parent, href, label) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = label;
    parent.appendChild(a);
    return a;
  }
  function post(url, body) {
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) });
  }
  function feedback(li, queryId, token) {
    var p = para(li, text.helpful + ' ');
    [[true, text.yes], [false, text.no]].forEach(function (choice) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'btn btn-secondary';
      b.textContent = choice[1];
      b.addEventListener('click', function () {
        post('/api/chat/feedback', { queryId: queryId, token: token, helpful: choice[0] }).then(function () { p.textContent = text.thanks; });
      });
      p.appendChild(b);
    });
  }

  form.addEventListener('submit', function (event) {
    var input = form.querySelector('input[name="q"]');
    var q = input.value.trim();
    if (!q) return; // let the server page say what is missing
    event.preventDefault();
    item('from-user').textContent = q;
    input.value = '';
    var li = item('from-bot');
    li.setAttribute('aria-busy', 'true');
    post('/api/chat/ask', { q: q }).then(function (response) { return response.json(); }).then(function (data) {
      li.removeAttribute('aria-busy');
      if (data.error) { para(li, data.error.message); return; }
      if (data.answer) {
        para(li, data.composed || data.answer.answer);
        var src = para(li, text.source);
        link(src, '/ask/faq/' + encodeURIComponent(data.answer.id), data.answer.question);
        feedback(li, data.queryId, data.feedbackToken);
      } else {
        para(li, text.notSure);
        var ul = document.createElement('ul');
        data.candidates.forEach(function (c) { var cli = document.createElement('li'); link(cli, '/ask/faq/' + encodeURIComponent(c.id), c.question); ul.appendChild(cli); });
        li.appendChild(ul);
      }
      var ask = para(li, '');
      link(ask, '/ask/inquiry?q=' + encodeURIComponent(q) + '&from=' + data.queryId, text.person);
      log.scrollTop = log.scrollHeight;
    }).catch(function () {
      li.removeAttribute('aria-busy');
      para(li, text.failed);
    });
  });
})();
